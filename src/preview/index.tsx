import { createRoot } from 'react-dom/client';
import { createEngine } from '../taskpane/engine/createEngineWorker';
import { PreviewPage } from './PreviewPage';
import { PreviewWorkbook } from './previewWorkbook';

// preview.html: the sample workbook; preview.html?blank: a new, empty workbook; ?employees=N: a sample of N.
const params = new URLSearchParams(window.location.search);
const employees = Number(params.get('employees'));
const workbook = params.has('blank') ? PreviewWorkbook.blank() : PreviewWorkbook.sample(employees > 0 ? employees : undefined);

const container = document.getElementById('root');
if (!container) throw new Error('preview.html has no #root element');
createRoot(container).render(<PreviewPage workbook={workbook} engine={createEngine()} />);
