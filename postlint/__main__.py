from postlint.interfaces.cli import main

main()
