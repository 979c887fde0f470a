import { render } from 'preact';
import { App } from './modules/app/app.root.tsx';
import './styles.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
