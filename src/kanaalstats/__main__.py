from kanaalstats.cli import main

main()
