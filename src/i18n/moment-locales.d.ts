// moment's locale files register themselves with moment and export nothing the app uses.
declare module 'moment/dist/locale/*';
