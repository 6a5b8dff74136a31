// Entry of the popup page.
import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { PopupApp } from './popup-app.tsx';

if (location.hash === '#tab') document.body.classList.add('in-tab');
render(<PopupApp />, document.getElementById('app')!);
