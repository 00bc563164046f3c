package headers

import (
	"path"
	"strings"
)

// The Cache-Control policies of a published site.
const (
	// CacheFingerprinted is for files whose name has the fingerprint of
	// their content (package fingerprint): a change makes a new name, so
	// browsers and CDNs may keep them a year without asking again.
	CacheFingerprinted = "public, max-age=31536000, immutable"
	// CachePage is for pages, feeds, the sitemap and robots.txt: kept five
	// minutes, so that a notice or a corrected page shows soon after it
	// is published.
	CachePage = "public, max-age=300"
	// CacheFile is for other files, such as pictures and PDFs, which may
	// be replaced under the same name: kept an hour.
	CacheFile = "public, max-age=3600"
)

// CacheControl returns the Cache-Control of the published file name, a
// page or any other file. Fingerprinted files get CacheFingerprinted from
// the rules of the _headers file, which File writes.
func CacheControl(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xml", ".txt", ".json", ".webmanifest", "":
		return CachePage
	}
	return CacheFile
}
