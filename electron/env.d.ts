// Types of electron-vite's import suffixes (`?modulePath` for the job worker bundle) for the shell.
/// <reference types="electron-vite/node" />
