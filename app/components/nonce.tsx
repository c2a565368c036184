import { createContext, useContext } from "react";

// The CSP nonce exists only while rendering on the server; browsers hide it from scripts afterwards.
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
