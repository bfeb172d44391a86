// The root types of each kind's Y.Doc (declared by the kind modules in shared/documents/), which a restore replaces.
import type { DocumentKind } from '../../shared/document-kinds'
import { documentKindModules } from '../../shared/documents'
import type { RootSpec } from './restore'

export function documentRoots(kind: DocumentKind): RootSpec[] {
  return Object.entries(documentKindModules[kind].roots).map(([name, type]) => ({ name, type: type === 'xmlFragment' ? 'xml' : 'map' }))
}
