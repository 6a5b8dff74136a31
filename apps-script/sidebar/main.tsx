// The sidebar's entry: mounts the app.
import { render } from 'preact';

render(<p>Pivor</p>, document.getElementById('app')!);
