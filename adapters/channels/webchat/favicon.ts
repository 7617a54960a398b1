/** The tab icon: a speech bubble on the header's red, drawn inline so no binary file ships with the code. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="14" fill="#b3261e"/>
<path d="M14 18h36a4 4 0 0 1 4 4v18a4 4 0 0 1-4 4H30l-10 8v-8h-6a4 4 0 0 1-4-4V22a4 4 0 0 1 4-4z" fill="#fff"/>
<circle cx="23" cy="31" r="3" fill="#b3261e"/><circle cx="32" cy="31" r="3" fill="#b3261e"/><circle cx="41" cy="31" r="3" fill="#b3261e"/>
</svg>`;
