import { mountOptions } from '../../src/ui/mount';

mountOptions(document.getElementById('root')!);
