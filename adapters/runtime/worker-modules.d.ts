/** Binary files the Worker bundle imports whole (wrangler.toml's Data rule): an ArrayBuffer. */
declare module '*.bin' {
  const data: ArrayBuffer;
  export default data;
}
