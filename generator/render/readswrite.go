package render

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"math"
	"reflect"
	"slices"
	"time"

	"github.com/lumen-ssg/lumen/generator/site"
)

// What the reader of WriteReads writes of the values it reads.

// writePage writes the summary of page p the first time it is read, and
// its address each time after: body says the read was of its converted
// Markdown, whose file's sum is then written too.
func (rd *reader) writePage(p *site.Page, body bool) {
	if rd.addresses {
		rd.writeString(p.URL)
		return
	}
	if rd.seen[p] && !body {
		// Which page is read, again: a relation that gives another
		// page read before writes something else.
		rd.writeString("again")
		rd.writeString(p.URL)
		return
	}
	rd.seen[p] = true
	rd.writeString("page")
	rd.writeString(p.URL)
	rd.deps = append(rd.deps, p)
	rd.writeString(string(p.Kind))
	rd.writeString(p.Title())
	rd.writeString(p.Description())
	if p.Source != nil {
		rd.out = append(rd.out, p.Source.FrontSum[:]...)
		if body || rd.r.foreign {
			rd.out = append(rd.out, p.Source.Sum[:]...)
		}
	}
}

// write writes a value the templates use.
func (rd *reader) write(v reflect.Value, depth int) error {
	if depth > 8 {
		return errUnknown
	}
	if v.IsValid() && v.Type() == pageType {
		if p, _ := v.Interface().(*site.Page); p != nil {
			rd.writePage(p, false)
			return nil
		}
	}
	if v.IsValid() && v.Type() == siteType {
		if s, _ := v.Interface().(*site.Site); s != nil {
			rd.writeString("site " + s.Lang.Code + " " + s.Prefix())
			return nil
		}
	}
	if v.IsValid() && v.Type() == notComputedType {
		rd.writeString("not computed")
		return nil
	}
	switch v.Kind() {
	case reflect.Invalid:
		rd.writeString("nil")
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			rd.writeString("nil")
			return nil
		}
		return rd.write(v.Elem(), depth+1)
	case reflect.String:
		rd.writeString(v.String())
	case reflect.Bool:
		rd.writeBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		rd.writeInt(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		rd.writeInt(int64(v.Uint()))
	case reflect.Float32, reflect.Float64:
		rd.writeInt(int64(math.Float64bits(v.Float())))
	case reflect.Slice, reflect.Array:
		rd.writeInt(int64(v.Len()))
		for i := range v.Len() {
			if err := rd.write(v.Index(i), depth+1); err != nil {
				return err
			}
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		rd.writeInt(int64(len(keys)))
		for _, k := range keys {
			if err := rd.write(k, depth+1); err != nil {
				return err
			}
			if err := rd.write(v.MapIndex(k), depth+1); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		rd.writeString(t.String())
		if !allExported(t) {
			// A time's text says all of it (a content.Date is one
			// field, a time).
			if st, ok := v.Interface().(fmt.Stringer); ok && t == reflect.TypeFor[time.Time]() {
				rd.writeString(st.String())
				return nil
			}
			return errUnknown
		}
		for i := range t.NumField() {
			if err := rd.write(v.Field(i), depth+1); err != nil {
				return err
			}
		}
	default:
		return errUnknown
	}
	return nil
}

func (rd *reader) writeString(s string) {
	rd.out = binary.AppendUvarint(rd.out, uint64(len(s)))
	rd.out = append(rd.out, s...)
	if len(rd.out) >= spillAt {
		rd.spill()
	}
}

// spillAt is how much the reader holds before it hands what it wrote to
// its sink: a page's reads run to a few kilobytes, a provider's (who
// lists every page the provider wrote) to a hundred, and a buffer grown
// to that for each page costs more than the following.
const spillAt = 4 << 10

// spill hands what the reader wrote to its sink. The first error is kept
// for flush.
func (rd *reader) spill() {
	if rd.sink == nil {
		return
	}
	if rd.err == nil {
		_, rd.err = rd.sink.Write(rd.out)
	}
	rd.out = rd.out[:0]
}

// flush hands the rest of what the reader wrote to its sink, and returns
// the first error the sink returned.
func (rd *reader) flush() error {
	rd.spill()
	return rd.err
}

// readBuffer returns an empty buffer for a reader, of readBufs or new.
func (r *Renderer) readBuffer() []byte {
	if b, ok := r.readBufs.Get().(*[]byte); ok {
		return (*b)[:0]
	}
	return make([]byte, 0, 2*spillAt)
}

// doneReading puts the buffer of a reader done into readBufs.
func (r *Renderer) doneReading(rd *reader) {
	b := rd.out[:0]
	rd.out = nil
	r.readBufs.Put(&b)
}

func (rd *reader) writeInt(n int64) {
	rd.out = binary.AppendVarint(rd.out, n)
}

func (rd *reader) writeBool(b bool) {
	if b {
		rd.out = append(rd.out, 'T')
	} else {
		rd.out = append(rd.out, 'F')
	}
}

// allExported reports whether every field of the struct type t is
// exported.
func allExported(t reflect.Type) bool {
	for i := range t.NumField() {
		if !t.Field(i).IsExported() {
			return false
		}
	}
	return true
}
