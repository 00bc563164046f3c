package render

import (
	"io"
	"maps"
	"math"
	"reflect"
	"slices"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/site"
)

// The site's structure: what templates read of a site and its pages that
// is neither a page's own file nor the summary of another page, written
// by WriteStructure. A member of a page, a site or Data that the reader of
// WriteReads reads as a relation and that is not structural makes the
// page's Deps unsure.

// structuralPage are the methods of a page whose value WriteStructure
// writes, beside its relations (every field that names pages, see
// relationField); they are called with no argument, but In, called with
// each language's code.
var structuralPage = map[string]bool{"Booking": true, "Alternates": true, "In": true}

// structuralSite are the members of a site whose value WriteStructure
// writes: OfKind and Latest for every kind of page (Latest of as many as
// there are), PageAt as the addresses of the site's pages.
var structuralSite = map[string]bool{"Home": true, "Pages": true, "Sections": true, "TagIndex": true, "Search": true,
	"AZ": true, "NotFound": true, "Languages": true, "Root": true, "AllPages": true, "AZList": true, "Counts": true,
	"OfKind": true, "Latest": true, "PageAt": true}

// structuralData are the members of Data the reader reads as relations
// that are no more than the page and its site: the page's structured
// data (JSONLD) is the caller's to know (see Deps).
var structuralData = map[string]bool{"Page": true, "Site": true, "JSONLD": true}

// structural reports whether the member id of a value of type t, read as
// a relation, is written by WriteStructure, or is made of what it writes
// (a field of a value of a structural member: an entry of AZList).
func structural(t reflect.Type, id string) bool {
	switch t {
	case pageType:
		return structuralPage[id] || relationField(id)
	case siteType:
		return structuralSite[id]
	case dataType:
		return structuralData[id]
	}
	return true
}

var (
	pageListType = reflect.TypeFor[[]*site.Page]()
	// relationFields are the fields of a page that name pages, by name.
	relationFields = func() map[string][]int {
		out := map[string][]int{}
		t := pageType.Elem()
		for i := range t.NumField() {
			f := t.Field(i)
			if f.IsExported() && (f.Type == pageType || f.Type == pageListType) {
				out[f.Name] = f.Index
			}
		}
		return out
	}()
)

// relationField reports whether id is a field of a page that names pages.
func relationField(id string) bool {
	_, ok := relationFields[id]
	return ok
}

// WriteStructure writes to w the structure of the site root and its
// languages: of each language, the structural members of its site, and
// of each of its pages its address and kind, its relations and the
// structural members of the page, every page written as its address
// alone (once for each time it is named); and of a page Lumen made up (a tag's, a section's without
// _index.md), which has no file, its title and description. What a
// page's templates read of the site beyond the summaries of the pages in
// its Deps is made of these when the Deps are sure: two builds that write
// the same structure, with a page's own file and the pages of its Deps
// the same, give the page the same reads (see Deps).
func (r *Renderer) WriteStructure(w io.Writer, root *site.Site) error {
	rd := &reader{r: r, addresses: true, sink: w}
	rd.out = r.readBuffer()
	defer r.doneReading(rd)
	langs := root.Languages()
	kinds := content.Kinds()
	siteMembers := slices.Sorted(maps.Keys(structuralSite))
	relations := slices.Sorted(maps.Keys(relationFields))
	pageMembers := slices.Sorted(maps.Keys(structuralPage))
	for _, s := range langs {
		sv := reflect.ValueOf(s)
		rd.writeString("site " + s.Lang.Code)
		for _, id := range siteMembers {
			var err error
			switch id {
			case "OfKind", "Latest":
				for _, k := range kinds {
					args := []val{{v: reflect.ValueOf(string(k.Kind))}}
					if id == "Latest" {
						args = append(args, val{v: reflect.ValueOf(math.MaxInt)})
					}
					err = rd.writeMember(sv, id, args)
				}
			case "PageAt":
				// The addresses of the pages, below.
			default:
				err = rd.writeMember(sv, id, nil)
			}
			if err != nil {
				return err
			}
		}
		for _, p := range append(s.Pages[:len(s.Pages):len(s.Pages)], s.NotFound) {
			if p == nil {
				continue
			}
			rd.writeString(p.URL)
			rd.writeString(string(p.Kind))
			if p.Source == nil {
				rd.writeString(p.Title())
				rd.writeString(p.Description())
			}
			pv := reflect.ValueOf(p)
			for _, id := range relations {
				if err := rd.write(pv.Elem().FieldByIndex(relationFields[id]), 0); err != nil {
					return err
				}
			}
			for _, id := range pageMembers {
				if id != "In" {
					if err := rd.writeMember(pv, id, nil); err != nil {
						return err
					}
					continue
				}
				for _, l := range langs {
					if err := rd.writeMember(pv, id, []val{{v: reflect.ValueOf(l.Lang.Code)}}); err != nil {
						return err
					}
				}
			}
		}
	}
	return rd.flush()
}

// writeMember writes the value of the member id of x called with args.
func (rd *reader) writeMember(x reflect.Value, id string, args []val) error {
	v, err := rd.get(x, id, args)
	if err != nil {
		return err
	}
	return rd.write(v, 0)
}
