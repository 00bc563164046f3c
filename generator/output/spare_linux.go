package output

import (
	"io/fs"
	"syscall"
)

// spareSupported says whether a Dir can keep a spare here: Linux gives
// each folder's inode and change time.
const spareSupported = true

// idOf returns what tells the file fi describes apart (see fileID).
func idOf(fi fs.FileInfo) (fileID, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{dev: uint64(st.Dev), ino: uint64(st.Ino), ctime: st.Ctim.Nano()}, true
}
