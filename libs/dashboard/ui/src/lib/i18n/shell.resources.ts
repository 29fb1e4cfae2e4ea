/** Strings of the app shell: navigation groups, page titles, the phone menu. */
export const shellId = {
  nav: {
    board: 'Papan',
    manage: 'Kelola',
    menu: 'Menu',
    approvalsWaiting: '{{count}} balasan menunggu persetujuan',
  },
  pageTitle: '{{page}} · Sigap',
  pageError: 'Halaman ini gagal ditampilkan. Menu di atas tetap bisa dipakai.',
  reload: 'Muat ulang halaman',
};

export type ShellResources = typeof shellId;

export const shellEn: ShellResources = {
  nav: {
    board: 'Board',
    manage: 'Manage',
    menu: 'Menu',
    approvalsWaiting: '{{count}} replies awaiting approval',
  },
  pageTitle: '{{page}} · Sigap',
  pageError: 'This page could not be shown. The menu above still works.',
  reload: 'Reload the page',
};
