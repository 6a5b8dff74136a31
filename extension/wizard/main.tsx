import { render } from 'preact';
render(<p>Pivor Bridge</p>, document.getElementById('app')!);
