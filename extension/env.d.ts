// Vite's ambient types for the extension's sources: asset imports (icons) and `?worker` imports.
/// <reference types="vite/client" />
