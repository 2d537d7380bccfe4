import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** The colours Office reports for its current theme (a plain copy of Office.OfficeTheme's fields). */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  isDarkTheme?: boolean;
}

const HEX = /^#[0-9a-f]{6}$/i;

/** Relative luminance (sRGB), enough to tell a dark body background from a light one. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Fluent's web theme matching Office's: dark or light, with the body colours taken from Office so
 * the pane blends into the host's chrome. Without theme data, the light theme as is.
 */
export function themeFromOffice(colors?: OfficeThemeColors): Theme {
  if (!colors) return webLightTheme;
  const background = colors.bodyBackgroundColor && HEX.test(colors.bodyBackgroundColor) ? colors.bodyBackgroundColor : undefined;
  const foreground = colors.bodyForegroundColor && HEX.test(colors.bodyForegroundColor) ? colors.bodyForegroundColor : undefined;
  const dark = colors.isDarkTheme ?? (background !== undefined && luminance(background) < 0.2);
  const base = dark ? webDarkTheme : webLightTheme;
  if (!background && !foreground) return base;
  return {
    ...base,
    ...(background ? { colorNeutralBackground1: background } : {}),
    ...(foreground ? { colorNeutralForeground1: foreground } : {}),
  };
}
