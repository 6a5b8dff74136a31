// The sidebar's entry: styles and the app.
import { render } from 'preact';
import { App } from './app.tsx';
import './sidebar.css';

render(<App />, document.getElementById('app')!);
