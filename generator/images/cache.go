package images

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Cache keeps the versions of pictures between builds, by their Key.
type Cache interface {
	// Get returns the version name (Version.Name) of the picture key, or
	// an error wrapping fs.ErrNotExist.
	Get(key, name string) ([]byte, error)
	// Has reports whether the versions of the picture key are all there.
	Has(key string) bool
	// Put keeps the versions of the picture key, all or none.
	Put(key string, files []File) error
}

// Dir is a Cache in a folder: the versions of a picture are the files of
// <dir>/<first two characters of its key>/<key>/, such as 800.webp. A
// picture's folder is written under a temporary name and renamed into
// place, so that a folder there is complete, and builds running at once
// may share the cache. Nothing is ever removed: delete the folder to make
// it smaller.
type Dir string

// DefaultDir returns the folder lumen build and lumen serve keep
// processed pictures in: lumen/images in the user's cache folder
// ($XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS,
// %LocalAppData% on Windows).
func DefaultDir() (Dir, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return Dir(filepath.Join(base, "lumen", "images")), nil
}

func (d Dir) folder(key string) string {
	if len(key) < 3 {
		key = "00" + key
	}
	return filepath.Join(string(d), key[:2], key)
}

// Get implements Cache.
func (d Dir) Get(key, name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(d.folder(key), name))
}

// Has implements Cache.
func (d Dir) Has(key string) bool {
	_, err := os.Stat(d.folder(key))
	return err == nil
}

// Put implements Cache.
func (d Dir) Put(key string, files []File) error {
	final := d.folder(key)
	if err := os.MkdirAll(filepath.Dir(final), 0o755); err != nil {
		return err
	}
	var r [6]byte
	_, _ = rand.Read(r[:])
	tmp := final + ".tmp-" + hex.EncodeToString(r[:])
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(tmp, f.Name()), f.Data, 0o644); err != nil {
			_ = os.RemoveAll(tmp)
			return err
		}
	}
	if err := os.Rename(tmp, final); err != nil {
		_ = os.RemoveAll(tmp)
		if d.Has(key) {
			return nil // another build put the same versions first
		}
		return err
	}
	return nil
}

// Memory is a Cache in memory, for tests and for a build that has no
// cache folder. Its zero value is ready to use.
type Memory struct {
	mu    sync.Mutex
	files map[string]map[string][]byte
}

// Get implements Cache.
func (m *Memory) Get(key, name string) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if b, ok := m.files[key][name]; ok {
		return b, nil
	}
	return nil, &fs.PathError{Op: "open", Path: key + "/" + name, Err: fs.ErrNotExist}
}

// Has implements Cache.
func (m *Memory) Has(key string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.files[key]
	return ok
}

// Put implements Cache.
func (m *Memory) Put(key string, files []File) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string]map[string][]byte{}
	}
	set := make(map[string][]byte, len(files))
	for _, f := range files {
		set[f.Name()] = f.Data
	}
	m.files[key] = set
	return nil
}

// errMissing is returned by Processor.Ensure when a picture's versions
// were made but are no longer in the cache.
var errMissing = errors.New("its processed versions went missing from the cache")
