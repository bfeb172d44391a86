// The root types of a kind's Y.Doc, by name, so code that must touch whole roots (restoring a
// version: replace each root's content with the version's) can do it without knowing the layout.
export type RootType = 'map' | 'xmlFragment'
export type RootTypes = Readonly<Record<string, RootType>>
