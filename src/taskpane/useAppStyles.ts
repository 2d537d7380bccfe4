import { makeStyles, tokens } from '@fluentui/react-components';

export const useAppStyles = makeStyles({
  provider: {
    minHeight: '100vh',
  },
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  heading: {
    margin: 0,
  },
  // Plain list items (not flex) keep the ordered list's step numbers.
  steps: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    paddingLeft: tokens.spacingHorizontalXXL,
  },
  step: {
    marginBottom: tokens.spacingVerticalS,
  },
  summary: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
  },
  status: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
  statusWarning: {
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
  statusSuccess: {
    color: tokens.colorPaletteGreenForeground1,
  },
});
