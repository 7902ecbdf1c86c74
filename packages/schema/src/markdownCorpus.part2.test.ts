import { describeCorpusShard } from './test/describeCorpusShard';

describeCorpusShard(2);
