import type { ThemeConfig } from 'antd';

/**
 * China Post green, with text, link and error colours darkened from antd's defaults so that every
 * text meets WCAG AA contrast (4.5:1) on white.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#00703c',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorError: '#c4161c',
    colorSuccess: '#237804',
    colorWarning: '#ad6800',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    // antd derives a grey-green selection colour from this primary; these keep selected rows and menu items light, with 5:1 text contrast.
    colorPrimaryBg: '#e3f1e9',
    colorPrimaryBgHover: '#d4eadd',
    controlItemBgActive: '#e3f1e9',
    controlItemBgActiveHover: '#d4eadd',
    fontSize: 15,
    borderRadius: 6,
  },
  components: {
    Menu: { itemSelectedBg: '#e3f1e9', itemSelectedColor: '#00703c', itemActiveBg: '#d4eadd' },
    Tree: { nodeSelectedBg: '#d4eadd' },
  },
};
