/**
 * The manifest for a production host: every `https://localhost:3000/...` URL of manifest.xml moved
 * under a base URL, and the AppDomain set to that URL's origin. Used by webpack.config.js
 * (`npm run build -- --env url=https://example.com/rfm/`) and by the tests; see docs/deploy.md.
 *
 * Office requires the add-in's pages over HTTPS ("Office Add-ins ... must be served over HTTPS",
 * https://learn.microsoft.com/office/dev/add-ins/concepts/requirements-for-running-office-add-ins), so
 * the base URL must be https, with no query or fragment.
 *
 * Plain CommonJS so that webpack.config.js can require it.
 */
const DEV_ORIGIN = 'https://localhost:3000';

/**
 * Checks and normalises a production base URL (a trailing slash is added).
 * @param {string} url e.g. https://example.com/rfm/
 * @returns {{ base: string, origin: string }} the base with its trailing slash, and its origin
 * @throws {Error} one line naming the option when the URL is not an https URL without query or fragment
 */
function checkBaseUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--env url: "${url}" is not a URL (expected e.g. https://example.com/rfm/)`);
  }
  if (parsed.protocol !== 'https:') throw new Error(`--env url: "${url}" must start with https:// (Office loads add-ins over HTTPS only)`);
  if (parsed.search || parsed.hash || parsed.username || parsed.password) throw new Error(`--env url: "${url}" must have no query, fragment or credentials`);
  const base = parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
  return { base, origin: parsed.origin };
}

/**
 * The manifest with every development URL moved under `url`.
 * @param {string} xml manifest.xml as written for `npm start`
 * @param {string} url the production base URL
 * @returns {string} the production manifest
 */
function deployManifest(xml, url) {
  const { base, origin } = checkBaseUrl(url);
  return xml
    .split(`${DEV_ORIGIN}/`).join(base)
    .replace(`<AppDomain>${DEV_ORIGIN}</AppDomain>`, `<AppDomain>${origin}</AppDomain>`)
    .replace(/Every URL is on https:\/\/localhost:3000 \(the dev server of `npm start`\); a production build with a base URL\n\s*writes dist\/addin\/manifest.xml with every URL under that base/, `Every URL is under ${base}: written by a production build for that base URL`);
}

module.exports = { DEV_ORIGIN, checkBaseUrl, deployManifest };
