import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';

async function start(): Promise<void> {
  // `npm run dev:mock` runs the UI in a plain browser against an in-memory backend.
  // Production builds never take this branch, so the mock is not bundled.
  if (import.meta.env.MODE === 'mock') {
    const { installMockBackend } = await import('./dev/mockBackend');
    installMockBackend();
  }
  const target = document.getElementById('app');
  if (target) mount(App, { target });
}

void start();
