package render

import (
	"cmp"
	"errors"
	"io"
	"maps"
	"math"
	"reflect"
	"slices"
	"sync"
	"text/template/parse"

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
// each language's code. Site is the site of the page's language: a
// partial of partialCached given the home page reads the site through it
// (the theme's footer).
var structuralPage = map[string]bool{"Booking": true, "Alternates": true, "In": true, "Site": true}

// structuralSite are the members of a site whose value WriteStructure
// writes: OfKind and Latest for every kind of page (Latest of as many as
// there are); and PageAt at the address of every page.
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

// readStructure notes the read of the member id of x, a relation, with
// args: the part of the structure it is, or that it is none
// (Deps.Sure).
func (rd *reader) readStructure(x reflect.Value, id string, args []val) {
	if !structural(x.Type(), id) {
		rd.unsure = true
		return
	}
	var arg string
	switch id {
	case "OfKind", "Latest", "In", "PageAt":
		// The part of the kind, of the language, or of the address,
		// given first.
		if len(args) == 0 || !args[0].v.IsValid() || indirectInterface(args[0].v).Kind() != reflect.String {
			rd.unsure = true
			return
		}
		arg = indirectInterface(args[0].v).String()
	}
	switch x.Type() {
	case pageType:
		rd.structure = append(rd.structure, StructurePart{Page: x.Interface().(*site.Page), Member: id, Arg: arg})
	case siteType:
		rd.structure = append(rd.structure, StructurePart{Site: x.Interface().(*site.Site), Member: id, Arg: arg})
	}
}

// truthOnly marks the part of the structure the pipeline pipe read last
// as read for whether it is empty alone, when that is all of the
// pipeline's value that an if (not a with, nor a variable) decides
// with: a single command whose value is that of its last field or
// method (not a function's), which read the part (chain, final).
func (rd *reader) truthOnly(pipe *parse.PipeNode, final, mark int) {
	if len(pipe.Decl) > 0 || len(pipe.Cmds) != 1 || final < mark {
		return
	}
	switch pipe.Cmds[0].Args[0].(type) {
	case *parse.FieldNode, *parse.VariableNode, *parse.ChainNode:
		rd.structure[final].Truth = true
	}
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

// A StructurePart is one part of the site's structure, as WriteStructure
// writes it and Deps name those a page's templates read: a relation or
// structural member of a page (Page and Member), the title and
// description of a page Lumen made up, which has no file (Page, with
// Summary), or a structural member of a site (Site and Member). Arg is
// the kind given to OfKind and Latest, or the language given to In. In
// Deps, Truth says that only whether the part is empty was read (an if
// on it): WriteStructure leaves out the parts that are.
type StructurePart struct {
	Page    *site.Page
	Summary bool
	Site    *site.Site
	Member  string
	Arg     string
	Truth   bool
}

// WriteStructure writes the structure of the site root and its languages,
// part by part, each to the writer part returns for it: of each
// language, each structural member of its site (OfKind and Latest with
// every kind, Latest of them all), and of each of its pages each of its
// relations and structural members (In with every language's code), every
// page written as its address alone, and, for a page Lumen made up (a
// tag's, a section's without _index.md), its title and description. A
// part whose value is empty (no page, an empty list) is left out: a part
// of no build is an empty one. What a page's templates read of the site
// beyond the summaries of the pages of its Deps is made of the parts its
// Deps name, when they are sure: two builds whose site reads key is the
// same (which holds the pages' addresses and files), with a page's own
// file, the files of the pages of its Deps and the parts its Deps name
// the same, give the page the same reads.
//
// It writes in shares goroutines at once, the pages shared among them
// (share k writes the sites' members, when k is 0, and every shares-th
// page from the k-th): part is called with the share, in each share in
// the order above.
func (r *Renderer) WriteStructure(root *site.Site, shares int, part func(share int, p StructurePart) io.Writer) error {
	errs := make([]error, shares)
	var wg sync.WaitGroup
	for k := range shares {
		wg.Go(func() {
			errs[k] = r.writeStructure(root, k, shares, func(p StructurePart) io.Writer { return part(k, p) })
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// writeStructure writes the share k of shares of the structure (see
// WriteStructure).
func (r *Renderer) writeStructure(root *site.Site, k, shares int, part func(StructurePart) io.Writer) error {
	rd := &reader{r: r, addresses: true}
	rd.out = r.readBuffer()
	defer r.doneReading(rd)
	// write writes the value of the member id of x, given args, as the
	// part p, unless it is empty.
	write := func(p StructurePart, x reflect.Value, id string, args []val) error {
		var v reflect.Value
		var err error
		if f, ok := relationFields[id]; ok && x.Type() == pageType {
			v = x.Elem().FieldByIndex(f)
		} else if v, err = rd.get(x, id, args); err != nil {
			return err
		}
		if !truth(v) {
			return nil
		}
		if err := rd.flush(); err != nil {
			return err
		}
		rd.sink = part(p)
		return rd.write(v, 0)
	}
	langs := root.Languages()
	kinds := content.Kinds()
	siteMembers := slices.Sorted(maps.Keys(structuralSite))
	pageMembers := slices.Sorted(slices.Values(append(slices.Collect(maps.Keys(relationFields)), slices.Collect(maps.Keys(structuralPage))...)))
	for _, s := range langs {
		if k != 0 {
			break
		}
		sv := reflect.ValueOf(s)
		for _, id := range siteMembers {
			var err error
			switch id {
			case "OfKind", "Latest":
				for _, kind := range kinds {
					args := []val{{v: reflect.ValueOf(string(kind.Kind))}}
					if id == "Latest" {
						args = append(args, val{v: reflect.ValueOf(math.MaxInt)})
					}
					err = cmp.Or(err, write(StructurePart{Site: s, Member: id, Arg: string(kind.Kind)}, sv, id, args))
				}
			case "PageAt":
				// Written with each page, at its address, below.
			default:
				err = write(StructurePart{Site: s, Member: id}, sv, id, nil)
			}
			if err != nil {
				return err
			}
		}
	}
	n := 0
	for _, s := range langs {
		for _, p := range append(s.Pages[:len(s.Pages):len(s.Pages)], s.NotFound) {
			if p == nil {
				continue
			}
			if n++; (n-1)%shares != k {
				continue
			}
			if p.Source == nil {
				if err := rd.flush(); err != nil {
					return err
				}
				rd.sink = part(StructurePart{Page: p, Summary: true})
				rd.writeString(p.Title())
				rd.writeString(p.Description())
			}
			// Which page is at its address: PageAt of any other address
			// is empty, and so left out, in every build.
			if err := write(StructurePart{Site: s, Member: "PageAt", Arg: p.URL}, reflect.ValueOf(s), "PageAt", []val{{v: reflect.ValueOf(p.URL)}}); err != nil {
				return err
			}
			pv := reflect.ValueOf(p)
			for _, id := range pageMembers {
				if id != "In" {
					if err := write(StructurePart{Page: p, Member: id}, pv, id, nil); err != nil {
						return err
					}
					continue
				}
				for _, l := range langs {
					args := []val{{v: reflect.ValueOf(l.Lang.Code)}}
					if err := write(StructurePart{Page: p, Member: id, Arg: l.Lang.Code}, pv, id, args); err != nil {
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
