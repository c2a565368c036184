// How the server's Node process is started, shared by `npm start`, the e2e server and `npm run bench:http`.
// A smaller young generation keeps the resident set down under load: the page render allocates fast, and V8 keeps a
// grown new space (16 MiB semi-spaces by default on 64-bit) as resident memory (decision 017).
export const SERVER_ARGS = ["--max-semi-space-size=8", "--import", "tsx", "server.ts"];
