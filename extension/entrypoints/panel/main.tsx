import { mountApp } from '../../src/ui/mount';

mountApp(document.getElementById('root')!, 'extension');
