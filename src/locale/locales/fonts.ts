/** Font families greenbook ships (all from @fontsource packages), by role. */
export const LATIN_SERIF = "Source Serif 4";
export const LATIN_SANS = "Source Sans 3";
export const HK_SERIF = "Noto Serif HK";
export const HK_SANS = "Noto Sans HK";
export const SC_SERIF = "Noto Serif SC";
export const SC_SANS = "Noto Sans SC";
