package editapi

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"path"
)

// write writes data to the file rel of content/ atomically: into a
// temporary file in the same folder (a dotfile, which Lumen and its
// watcher ignore), then renamed over rel, so that the watcher and a
// reader see the old file or the new one, never a part. The os.Root
// refuses a folder that is a symbolic link out of content/.
func (a *API) write(rel string, data []byte) error {
	dir := path.Dir(rel)
	if err := a.root.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var rnd [8]byte
	rand.Read(rnd[:])
	tmp := path.Join(dir, ".lumen-edit-"+hex.EncodeToString(rnd[:])+".tmp")
	f, err := a.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	if err := f.Sync(); werr == nil {
		werr = err
	}
	if err := f.Close(); werr == nil {
		werr = err
	}
	if werr == nil {
		werr = a.root.Rename(tmp, rel)
	}
	if werr != nil {
		a.root.Remove(tmp)
	}
	return werr
}
