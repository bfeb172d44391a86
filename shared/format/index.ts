// One date format, one quarter rule, one money format: import from here (see each module's header).
export * from './dates'
export * from './numbers'
export * from './quarters'
