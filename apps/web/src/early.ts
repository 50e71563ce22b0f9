/*
 * A script of its own, a hundred bytes that arrive long before the app's JavaScript (the build
 * adds it to index.html, vite.plugins.ts). The browser's first Intl number formatter loads the
 * number-formatting data of its ICU library: some 250 ms of a throttled tablet profile's main
 * thread whatever the language, which the first scorecard would otherwise spend before it shows.
 * This builds one, and throws it away, while the main thread would otherwise wait on the network;
 * the app's own formatters then take a millisecond. It must import nothing (a classic script).
 */
new Intl.NumberFormat().format(0);
