//go:build !linux

package output

// removeNamed does nothing where there is no portable way to remove
// files relative to a folder's descriptor: os.RemoveAll removes all.
func removeNamed(dir string, t *nameTree) {}
