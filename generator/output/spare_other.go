//go:build !linux

package output

import "io/fs"

// spareSupported says whether a Dir can keep a spare here: not without a
// known way to read a folder's inode and change time.
const spareSupported = false

// idOf returns nothing where spares are not supported.
func idOf(fs.FileInfo) (fileID, bool) { return fileID{}, false }
