// The part of the WebAssembly API the model's scorer uses (logits-kernel.ts). The project's lib is ES2023 without the
// DOM's, which is where TypeScript declares it; Node and Cloudflare Workers both provide it at run time.
declare global {
  namespace WebAssembly {
    class Memory {
      constructor(descriptor: { initial: number; maximum?: number });
      readonly buffer: ArrayBuffer;
    }
    class Module {
      constructor(bytes: Uint8Array);
    }
    class Instance {
      constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
      readonly exports: Record<string, unknown>;
    }
  }
}
export {};
