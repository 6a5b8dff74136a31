// Entry of the import wizard page.
import { render } from 'preact';
import '../ui/theme.css';
import './wizard.css';
import { WizardApp } from './wizard-app.tsx';

render(<WizardApp />, document.getElementById('app')!);
