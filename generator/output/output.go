// Package output writes a built site: to a folder on disk, published
// atomically (Dir), or to memory, as an fs.FS for the dev server and for
// tests (Mem).
//
// Both implement Writer. Names are slash-separated paths relative to the
// site root, such as "conditions/sciatica/index.html"; a name that is not
// a valid fs path (absolute, or with ".." or "." elements) is refused, so a
// build can never write outside its destination.
package output

import (
	"fmt"
	"io/fs"
)

// Writer receives the files of one build.
type Writer interface {
	// WriteFile stores data as the file name. It is safe to call from
	// several goroutines.
	WriteFile(name string, data []byte) error
}

// checkName refuses names that could escape the destination.
func checkName(name string) error {
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("output: refusing to write %q: not a plain path inside the destination", name)
	}
	return nil
}
