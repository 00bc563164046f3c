package generator

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"hash/fnv"
	"io/fs"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
)

// parsedShards is the number of shards the parsed files are kept in: an
// edit to one file encodes again one shard, about 1/64 of them.
const parsedShards = 64

// parsedShard is one shard of the parsed content files.
type parsedShard struct {
	// raw is the shard as the last build wrote it, decoded into old on
	// first use.
	raw  []byte
	once sync.Once
	old  map[string]*parsedFile
	// next are the files this build parsed or kept, and clean how many
	// of them are as old has them.
	mu    sync.Mutex
	next  []*parsedFile
	clean int
}

// parsedFile is a content file as package content parsed it, and the
// identity of the file it parsed.
type parsedFile struct {
	Path    string
	Size    int64
	ModTime int64
	Ino     uint64
	Page    *content.Page
	Errs    diag.List
	// Zeros are the places in Page of pointers to zero values (an
	// accepting_new_patients: false), which encoding/gob does not tell
	// from nil pointers: each a path of field names and list indexes
	// (zeroPointers).
	Zeros []string
}

// writeShards writes the shards of parsed files to the new cache.
func (c *buildCache) writeShards() {
	var dirty []int
	for i := range c.shards {
		s := &c.shards[i]
		switch {
		case c.w == nil || len(s.next) == 0:
		case s.raw != nil && s.clean == len(s.next) && len(s.next) == len(s.load(c)):
			c.w.Add(binary.AppendUvarint([]byte{recordShard}, uint64(i)), s.raw)
		default:
			dirty = append(dirty, i)
		}
		s.raw = nil
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, i := range dirty {
		s := &c.shards[i]
		g.Go(func() error {
			slices.SortFunc(s.next, func(a, b *parsedFile) int { return strings.Compare(a.Path, b.Path) })
			var buf bytes.Buffer
			if err := gob.NewEncoder(&buf).Encode(s.next); err != nil {
				return err
			}
			return c.w.Add(binary.AppendUvarint([]byte{recordShard}, uint64(i)), buf.Bytes())
		})
	}
	if err := g.Wait(); err != nil {
		c.damaged(err)
	}
}

// registerKinds tells encoding/gob the front-matter type of each kind, so
// that a parsed page's Meta can be kept.
func registerKinds() {
	gob.Register(&content.Plain{})
	for _, k := range content.Kinds() {
		if k.Meta != nil {
			gob.Register(k.Meta())
		}
	}
}

// shard returns the shard of the parsed file at path.
func (c *buildCache) shard(path string) *parsedShard {
	h := fnv.New32a()
	h.Write([]byte(path))
	return &c.shards[h.Sum32()%parsedShards]
}

// load returns the files the last build kept in s, decoding them on
// first use.
func (s *parsedShard) load(c *buildCache) map[string]*parsedFile {
	s.once.Do(func() {
		if s.raw == nil {
			return
		}
		var files []*parsedFile
		if err := gob.NewDecoder(bytes.NewReader(s.raw)).Decode(&files); err != nil {
			c.damaged(err)
			s.raw = nil
			return
		}
		s.old = make(map[string]*parsedFile, len(files))
		for _, f := range files {
			for _, z := range f.Zeros {
				if f.Page == nil || !setZero(reflect.ValueOf(f.Page), strings.Split(z, ".")) {
					c.damaged(fmt.Errorf("no place %s in %s", z, f.Path))
					s.old = nil
					return
				}
			}
			s.old[f.Path] = f
		}
	})
	return s.old
}

// Page returns the page the last build parsed from the file at path, when
// the file is the same (its size, time and inode): content.Known.
func (c *buildCache) Page(path string, info fs.FileInfo) (*content.Page, diag.List, bool) {
	c.wait()
	f := c.shard(path).load(c)[path]
	if f == nil || !f.same(info) {
		return nil, nil, false
	}
	c.kept.Add(1)
	return f.Page, f.Errs, true
}

// same reports whether info describes the file f was parsed from.
func (f *parsedFile) same(info fs.FileInfo) bool {
	return f.Size == info.Size() && f.ModTime == info.ModTime().UnixNano() && f.Ino == inode(info) && !info.ModTime().IsZero()
}

// Same returns the page the last build parsed from the file at path, when
// the file has the same bytes: content.Known.
func (c *buildCache) Same(path string, sum [32]byte) (*content.Page, diag.List, bool) {
	c.wait()
	f := c.shard(path).load(c)[path]
	if f == nil || f.Page == nil || f.Page.Sum != sum {
		return nil, nil, false
	}
	c.kept.Add(1)
	return f.Page, f.Errs, true
}

// Parsed keeps the page parsed from the file at path for the next build:
// content.Known.
func (c *buildCache) Parsed(path string, info fs.FileInfo, p *content.Page, errs diag.List) {
	c.wait()
	if c.w == nil || p == nil || info.ModTime().IsZero() {
		return
	}
	s := c.shard(path)
	old := s.load(c)[path]
	s.mu.Lock()
	defer s.mu.Unlock()
	f := &parsedFile{Path: path, Size: info.Size(), ModTime: info.ModTime().UnixNano(),
		Ino: inode(info), Page: p, Errs: errs}
	if old != nil && old.Page == p {
		f.Zeros = old.Zeros
	} else {
		zeroPointers(reflect.ValueOf(p), "", &f.Zeros, 0)
	}
	s.next = append(s.next, f)
	if old != nil && old.Page == p && old.same(info) && slices.Equal(old.Errs, errs) {
		s.clean++
	}
}

// zeroPointers appends to out the path (field names and list indexes,
// joined by dots, after prefix) of each pointer under v that points to a
// zero value.
func zeroPointers(v reflect.Value, prefix string, out *[]string, depth int) {
	if depth > 16 {
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if depth > 0 && v.Elem().IsZero() {
			*out = append(*out, prefix)
			return
		}
		zeroPointers(v.Elem(), prefix, out, depth+1)
	case reflect.Interface:
		if !v.IsNil() {
			zeroPointers(v.Elem(), prefix, out, depth+1)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() {
				zeroPointers(v.Field(i), joinPath(prefix, f.Name), out, depth+1)
			}
		}
	case reflect.Slice, reflect.Array:
		switch v.Type().Elem().Kind() {
		case reflect.Pointer, reflect.Interface, reflect.Struct, reflect.Slice, reflect.Array:
		default:
			return // bytes, strings: no pointer
		}
		for i := range v.Len() {
			zeroPointers(v.Index(i), joinPath(prefix, strconv.Itoa(i)), out, depth+1)
		}
	}
}

func joinPath(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// setZero makes the nil pointer at path under v point to a zero value, as
// zeroPointers found it, and reports whether there is one there.
func setZero(v reflect.Value, path []string) bool {
	for {
		for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
			if v.IsNil() {
				return false
			}
			v = v.Elem()
		}
		if len(path) == 0 {
			return false
		}
		switch v.Kind() {
		case reflect.Struct:
			f, ok := v.Type().FieldByName(path[0])
			if !ok || !f.IsExported() {
				return false
			}
			v = v.FieldByIndex(f.Index)
		case reflect.Slice, reflect.Array:
			i, err := strconv.Atoi(path[0])
			if err != nil || i < 0 || i >= v.Len() {
				return false
			}
			v = v.Index(i)
		default:
			return false
		}
		path = path[1:]
		if len(path) == 0 {
			if v.Kind() != reflect.Pointer || !v.CanSet() {
				return false
			}
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			return true
		}
	}
}
