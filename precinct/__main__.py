from precinct.cli import main

main()
