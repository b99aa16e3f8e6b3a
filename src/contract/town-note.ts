// What a county's page says when a town search led there (乾州街道 → 吉首市): written by the page's
// script (src/scripts/town-asked.ts) and, for a search without JavaScript, by the Worker
// (functions/regions/town-page.ts).

export const townNote = (town: string, county: string) => `您搜索的${town}属于${county}，以下服务覆盖${county}全境。`;
