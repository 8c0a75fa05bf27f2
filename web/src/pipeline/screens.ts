// Loaded on first use.
export { Forecast } from './Forecast.tsx';
export { NewOpportunity } from './NewOpportunity.tsx';
export { PipelineBoard } from './PipelineBoard.tsx';
