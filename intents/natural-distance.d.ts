// natural ships no declaration for this single module; importing it alone keeps natural's heavy
// top-level (database drivers, dotenv banner) out of the process and the Worker bundle.
declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  interface DistanceOptions {
    insertion_cost?: number;
    deletion_cost?: number;
    substitution_cost?: number;
    transposition_cost?: number;
  }
  const distances: {
    DamerauLevenshteinDistance(source: string, target: string, options?: DistanceOptions): number;
    LevenshteinDistance(source: string, target: string, options?: DistanceOptions): number;
  };
  export default distances;
}
