import { createContext, useContext } from 'react'

/**
 * The Content-Security-Policy nonce of the response being rendered, for Remix's inline scripts.
 * Empty in the browser: it never needs one, and browsers hide the attribute from scripts anyway.
 */
const NonceContext = createContext<string>('')

export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
