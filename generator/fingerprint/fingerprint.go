// Package fingerprint names a file by its content, so that browsers and
// CDNs may keep it for a year: css/main.css whose content hashes to
// 4b14a800 is published also as css/main.4b14a800.css, and pages link to
// that name. When the stylesheet changes, its name changes, and no cache
// can serve the old one in its place.
//
// The fingerprint is the first 8 hexadecimal digits of the SHA-256 of the
// content, before the file's extension. Is checks a name against content,
// so that a file that merely looks fingerprinted ("report.20261201.pdf")
// is never taken for one.
package fingerprint

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"regexp"
	"strings"
)

// digits is the number of hexadecimal digits of a fingerprint.
const digits = 8

// Of returns the fingerprint of data: 8 hexadecimal digits.
func Of(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:digits/2])
}

// Name returns name with the fingerprint of data before its extension:
// "css/main.css" → "css/main.4b14a800.css". A name without an extension
// gets the fingerprint at its end.
func Name(name string, data []byte) string {
	ext := path.Ext(name)
	if ext == path.Base(name) { // ".htaccess": all extension, no stem
		ext = ""
	}
	return strings.TrimSuffix(name, ext) + "." + Of(data) + ext
}

// Is reports whether name is the fingerprinted name of data.
func Is(name string, data []byte) bool {
	plain, fp, ok := split(name)
	return ok && fp == Of(data) && Name(plain, data) == name
}

// Plain returns the name a fingerprinted name was made from,
// "css/main.4b14a800.css" → "css/main.css", and whether name has the form
// of one at all. It does not read the content: see Is.
func Plain(name string) (string, bool) {
	plain, _, ok := split(name)
	return plain, ok
}

// split parses "dir/stem.<fingerprint>.ext".
func split(name string) (plain, fp string, ok bool) {
	m := form.FindStringSubmatchIndex(name)
	if m == nil {
		return "", "", false
	}
	return name[:m[2]] + name[m[4]:], name[m[2]+1 : m[3]], true
}

// form matches the fingerprint of a name: a dot and 8 lowercase
// hexadecimal digits before the extension, or at the end.
var form = regexp.MustCompile(`(\.[0-9a-f]{8})((?:\.[A-Za-z0-9]+)?)$`)

// inText matches the fingerprints of the addresses in a page: a
// fingerprinted name of a file at the end of an attribute's value, or
// before its query or fragment.
var inText = regexp.MustCompile(`\.[0-9a-f]{8}(\.[A-Za-z0-9]+["'?#])`)

// Strip returns an HTML page with the fingerprints of the addresses of its
// attributes left out, so that two pages that differ only in the
// stylesheet they link to compare equal.
func Strip(text []byte) []byte {
	return inText.ReplaceAll(text, []byte("$1"))
}
