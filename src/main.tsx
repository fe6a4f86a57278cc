import { start } from './ui/start';

const container = document.getElementById('root');
if (container) void start(container);
