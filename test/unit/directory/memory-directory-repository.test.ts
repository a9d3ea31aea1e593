import { MemoryDirectoryRepository } from '../../../src/directory';
import { describeDirectoryRepositoryContract } from './directory-repository-contract';

describeDirectoryRepositoryContract('MemoryDirectoryRepository', () => ({
  repository: new MemoryDirectoryRepository(),
}));
