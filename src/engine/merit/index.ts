/** Merit: appraisal scores → ratings → calibration views → budget-calibrated merit matrix and plan → bonus → budget. */
export * from './appraisal';
export * from './bonus';
export * from './budget';
export * from './calibrate';
export * from './calibrationViews';
export * from './employeeMerit';
export * from './guidelines';
export * from './merit';
export * from './meritPlan';
export * from './options';
export * from './proration';
export * from './zones';
