// greenbook prints with the system's Chromium (Debian's `chromium` package);
// no npm package may download a browser of its own (this machine cannot reach one anyway).
module.exports = { skipDownload: true };
