/** Vite bundles the stylesheets that main.tsx imports. */
declare module '*.css';
